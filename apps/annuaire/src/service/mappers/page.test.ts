import { describe, expect, it } from 'vitest';
import { parsedFixture } from '../../testing/fixtures.js';
import { mapPageInfo, pageCapError } from './page.js';

describe('mapPageInfo', () => {
  it('says when a search hits the API cap of 10 000 results ("la poste")', () => {
    const info = mapPageInfo(parsedFixture('laPosteByName'), 1, 10);
    expect(info).toMatchObject({
      total_results: 10000,
      total_pages: 1000,
      capped: true,
      max_reachable_page: 1000,
    });
    expect(info.note).toContain('10000');
    expect(info.note).toContain('add filters');
  });

  it('reports a normal search as not capped ("Ganymede": 116 results)', () => {
    expect(mapPageInfo(parsedFixture('ganymedeByName'), 1, 10)).toEqual({
      total_results: 116,
      page: 1,
      per_page: 10,
      total_pages: 12,
      max_reachable_page: 12,
      capped: false,
      note: null,
    });
  });
});

describe('pageCapError', () => {
  it('refuses pages beyond page × per_page = 10 000', () => {
    expect(pageCapError(400, 25)).toBeNull();
    expect(pageCapError(401, 25)).toContain('last reachable page is 400');
  });
});
