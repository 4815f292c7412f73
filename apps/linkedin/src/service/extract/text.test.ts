import { describe, expect, it } from 'vitest';
import {
  clean,
  cleanMultiline,
  connectionsIn,
  followersIn,
  parseCount,
  stripLinkedInSuffix,
} from './text.js';
import { parseCompanyTitle, parseProfileTitle } from './titles.js';

describe('counts', () => {
  it.each([
    ['5,750 followers', 5750],
    ['5 750 abonnés', 5750],
    ['5\u202f750 abonnés', 5750],
    ['5.750 Follower', 5750],
    ['1.2K followers', 1200],
    ['1,2 k abonnés', 1200],
    ['3M followers', 3_000_000],
    ['12 seguidores', 12],
  ])('followersIn(%j) = %d', (text, n) => {
    expect(followersIn(text)).toBe(n);
  });

  it('finds no followers where none are shown', () => {
    expect(followersIn('London, London')).toBeNull();
    expect(followersIn(null)).toBeNull();
    expect(parseCount('no digits')).toBeNull();
  });

  it('keeps connections as shown, capped value included', () => {
    expect(connectionsIn('500+ connections')).toBe('500+');
    expect(connectionsIn('Lyon · 500+ relations sur LinkedIn')).toBe('500+');
    expect(connectionsIn('312 connections')).toBe('312');
    expect(connectionsIn('1 234 abonnés')).toBeNull();
  });
});

describe('text cleaning', () => {
  it('collapses template whitespace', () => {
    expect(clean('\n      Advertising Services\n   ')).toBe('Advertising Services');
    expect(clean('  \n ')).toBeNull();
    expect(cleanMultiline('a  \n\n\n\n  b \n c')).toBe('a\n\nb\nc');
    expect(stripLinkedInSuffix('Audiense | LinkedIn')).toBe('Audiense');
  });
});

describe('result titles', () => {
  it.each([
    ['Jane Doe - CEO - Acme | LinkedIn', { name: 'Jane Doe', headline: 'CEO', company: 'Acme' }],
    [
      'Jeanne Dupont – Directrice commerciale chez Acme | LinkedIn',
      { name: 'Jeanne Dupont', headline: 'Directrice commerciale chez Acme', company: 'Acme' },
    ],
    ['Jane Doe - Acme | LinkedIn', { name: 'Jane Doe', headline: 'Acme', company: null }],
    ['Jane Doe | LinkedIn', { name: 'Jane Doe', headline: null, company: null }],
    [
      'Jane Doe - Head of Sales - Acme Group ...',
      { name: 'Jane Doe', headline: 'Head of Sales', company: 'Acme Group' },
    ],
    [
      'Jane Doe - CEO - Acme - Paris | LinkedIn',
      { name: 'Jane Doe', headline: 'CEO', company: 'Acme - Paris' },
    ],
  ])('%s', (title, parts) => {
    expect(parseProfileTitle(title)).toEqual(parts);
  });

  it('ignores titles without a name', () => {
    expect(parseProfileTitle('LinkedIn')).toBeNull();
    expect(parseProfileTitle('')).toBeNull();
  });

  it('reads company names from company result titles', () => {
    expect(parseCompanyTitle('Audiense | LinkedIn')).toBe('Audiense');
    expect(parseCompanyTitle('Acme France: Overview | LinkedIn')).toBe('Acme France');
    expect(parseCompanyTitle('Acme - LinkedIn')).toBe('Acme');
  });
});
