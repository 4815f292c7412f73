import { describe, expect, it } from 'vitest';
import { resolveDepartment, resolveRegion } from './places.js';

describe('régions and départements by name', () => {
  it('reads a région by code, by name in any case and without accents, and by common alias', () => {
    expect(resolveRegion('53')).toEqual({ codes: ['53'] });
    expect(resolveRegion('Bretagne')).toEqual({ codes: ['53'] });
    expect(resolveRegion('ILE-DE-FRANCE')).toEqual({ codes: ['11'] });
    expect(resolveRegion('île de france')).toEqual({ codes: ['11'] });
    expect(resolveRegion('Provence-Alpes-Côte d’Azur')).toEqual({ codes: ['93'] });
    expect(resolveRegion('paca')).toEqual({ codes: ['93'] });
    expect(resolveRegion('Réunion')).toEqual({ codes: ['04'] });
  });

  it('reads a département by code or name, Corsica included', () => {
    expect(resolveDepartment('2a')).toEqual({ codes: ['2A'] });
    expect(resolveDepartment('Ille-et-Vilaine')).toEqual({ codes: ['35'] });
    expect(resolveDepartment('ille et vilaine')).toEqual({ codes: ['35'] });
    expect(resolveDepartment('Corse-du-Sud')).toEqual({ codes: ['2A'] });
    expect(resolveDepartment('cotes d armor')).toEqual({ codes: ['22'] });
    expect(resolveDepartment('Corse')).toEqual({ codes: ['2A', '2B'] });
  });

  it('names the closest matches for an unknown name', () => {
    expect(resolveRegion('Bretagn')).toEqual({ closest: expect.arrayContaining(['Bretagne (53)']) });
    const typo = resolveDepartment('Ile-et-Vilain');
    expect('closest' in typo && typo.closest[0]).toBe('Ille-et-Vilaine (35)');
  });
});
