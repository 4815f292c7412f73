import { describe, expect, it } from 'vitest';
import { isLinkedInHost, rebaseLinkedInUrl } from './hosts.js';

describe('host checks', () => {
  it('accepts linkedin.com and its subdomains only', () => {
    expect(isLinkedInHost('linkedin.com')).toBe(true);
    expect(isLinkedInHost('FR.LinkedIn.com')).toBe(true);
    expect(isLinkedInHost('www.linkedin.com.')).toBe(true);
    expect(isLinkedInHost('evillinkedin.com')).toBe(false);
    expect(isLinkedInHost('linkedin.com.evil.example')).toBe(false);
  });

  it('rebases linkedin.com URLs on LINKEDIN_BASE_URL and leaves others alone', () => {
    const base = 'http://127.0.0.1:4567';
    expect(rebaseLinkedInUrl('https://www.linkedin.com/company/audiense/?a=1', base)).toBe(
      'http://127.0.0.1:4567/company/audiense/?a=1',
    );
    expect(rebaseLinkedInUrl('https://fr.linkedin.com/in/x/', base)).toBe('http://127.0.0.1:4567/in/x/');
    expect(rebaseLinkedInUrl('https://www.acme.fr/', base)).toBe('https://www.acme.fr/');
    expect(rebaseLinkedInUrl('https://www.linkedin.com/in/x/', undefined)).toBe(
      'https://www.linkedin.com/in/x/',
    );
  });
});
