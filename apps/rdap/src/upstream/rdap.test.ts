import { describe, expect, it } from 'vitest';
import { applyOverride, bootstrapBase } from './rdap.js';

describe('RDAP URLs from env', () => {
  it('RDAP_BOOTSTRAP_URL: a bare origin keeps IANA’s /rdap/ path; a path is used as given', () => {
    expect(bootstrapBase('https://data.iana.org/rdap/')).toBe('https://data.iana.org/rdap/');
    expect(bootstrapBase('http://127.0.0.1:4000')).toBe('http://127.0.0.1:4000/rdap/');
    expect(bootstrapBase('https://mirror.example/iana/bootstrap')).toBe(
      'https://mirror.example/iana/bootstrap/',
    );
  });

  it('RDAP_SERVERS_OVERRIDE_URL replaces scheme, host and port, and keeps the path', () => {
    expect(applyOverride('https://rdap.verisign.com/com/v1/domain/google.com', 'http://127.0.0.1:4000')).toBe(
      'http://127.0.0.1:4000/com/v1/domain/google.com',
    );
    expect(applyOverride('https://rdap.nic.fr/domain/x.fr', undefined)).toBe(
      'https://rdap.nic.fr/domain/x.fr',
    );
  });
});
