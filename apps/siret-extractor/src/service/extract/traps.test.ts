import { describe, expect, it } from 'vitest';
import { extractFromHtml, extractFromText } from './index.js';

const ids = (text: string) => extractFromText(text).candidates.map((c) => c.normalized);

describe('phone numbers are never identifiers, even when their digits pass Luhn', () => {
  it.each([
    'Téléphone : +33 6 79 70 95 27',
    'Tél. +33 (0)6 79 70 95 27',
    'Mobile : +33 (0)6.79.70.95.27',
    'Appelez le 06.79.70.95.27',
    'Appelez le 06 79 70 95 27',
    'Standard : 0033 6 79 70 95 27',
    'Téléphone : 679 709 527',
    'Contact 0679709527',
  ])('%s', (line) => {
    expect(ids(`Éditeur\n${line}`)).toEqual([]);
  });
});

describe('other look-alikes', () => {
  it('rejects glued digit runs and numbers inside URLs', () => {
    expect(ids('Référence 12345678901234567')).toEqual([]);
    expect(ids('SIRET 8199899710001812')).toEqual([]);
    expect(ids('https://www.facebook.com/819989971 et https://x.fr/?id=819989971')).toEqual([]);
  });

  it('ignores training-body, IBAN and date numbers', () => {
    expect(ids('Déclaration d’activité DA 11 75 12345 75')).toEqual([]);
    expect(ids('IBAN FR76 3000 4000 0312 3456 7890 143')).toEqual([]);
    expect(ids('Mis à jour le 12 03 2021, capital de 10 174 560 €')).toEqual([]);
  });

  it('reports a foreign VAT number as such, never as a SIREN', () => {
    const r = extractFromText('Éditeur : Acme GmbH\nUSt-IdNr / VAT : DE 123456789');
    expect(r.siren).toBeNull();
    expect(r.candidates).toMatchObject([
      { type: 'tva', normalized: 'DE123456789', valid: false, invalid_reason: 'foreign_vat', siren: null },
    ]);
    expect(r.reason).toBe('no_identifier_found');
    expect(extractFromText('N° TVA : BE0123456749').candidates[0]).toMatchObject({
      invalid_reason: 'foreign_vat',
    });
  });

  it('keeps placeholders out and says so', () => {
    const r = extractFromText('SIRET : XXX XXX XXX XXXXX\nSIREN : 000 000 000');
    expect(r.siren).toBeNull();
    expect(r.candidates).toMatchObject([
      { normalized: '000000000', valid: false, invalid_reason: 'placeholder' },
    ]);
    expect(r.reason).toBe('invalid_identifier');
    expect(r.notes[0]).toBe('placeholder, not an identifier: "SIRET : XXX XXX XXX XXXXX"');
  });

  it('reports a labeled number failing Luhn as invalid, not as the SIREN', () => {
    const r = extractFromText('Éditeur\nSIREN : 819 989 972');
    expect(r).toMatchObject({ siren: null, reason: 'invalid_identifier' });
    expect(r.candidates[0]).toMatchObject({ valid: false, invalid_reason: 'luhn', role: 'publisher' });
  });

  it('reports a TVA number with a wrong key as invalid', () => {
    const r = extractFromText('TVA intracommunautaire : FR 04 552081317');
    expect(r.candidates[0]).toMatchObject({ type: 'tva', valid: false, invalid_reason: 'key' });
  });

  it('leaves an unlabeled number that happens to pass Luhn as unknown', () => {
    const r = extractFromText('Notre dossier 552 081 317 est suivi.');
    expect(r.siren).toBeNull();
    expect(r.candidates).toMatchObject([{ normalized: '552081317', role: 'unknown' }]);
    expect(r.reason).toBe('no_publisher_identifier');
  });
});

describe('written forms', () => {
  it('reads numbers split by &nbsp;, narrow spaces and inline tags', () => {
    const r = extractFromHtml('<p>SIREN&nbsp;: <span>552</span>&nbsp;<span>081</span>&#8239;<b>317</b></p>');
    expect(r.siren).toBe('552081317');
    const glued = extractFromHtml('<p>SIREN : <b>552</b><b>081</b><b>317</b></p>');
    expect(glued.siren).toBe('552081317');
  });

  it('reads label and value from separate table cells and the La Poste SIRET rule', () => {
    const html =
      '<h2>Éditeur</h2><table><tr><th>Raison sociale</th><td>LA POSTE</td></tr>' +
      '<tr><th>SIRET</th><td>356 000 000 49837</td></tr></table>';
    const r = extractFromHtml(html);
    expect(r).toMatchObject({ siren: '356000000', siret: '35600000049837', company_name: 'LA POSTE' });
  });

  it('reads dotted R.C.S. and the number-first RCS form', () => {
    expect(extractFromText('EDF SA, R.C.S. Paris 552 081 317').rcs).toEqual({
      city: 'Paris',
      number: '552081317',
    });
    expect(extractFromText('SA au capital de 1 €, 552 081 317 RCS Nanterre').rcs).toEqual({
      city: 'Nanterre',
      number: '552081317',
    });
  });

  it('reads lower-case and compact TVA numbers', () => {
    const r = extractFromText('Éditeur : EDF\nTVA fr03552081317');
    expect(r).toMatchObject({ siren: '552081317', tva: 'FR03552081317' });
  });

  it('reads setext Markdown headings as sections', () => {
    const r = extractFromText(
      'Éditeur\n=======\nACME SAS, SIREN 552 081 317\n\nHébergement\n-----------\nIONOS SARL, RCS Sarreguemines B 431 303 775',
    );
    expect(r.siren).toBe('552081317');
    expect(r.candidates.map((c) => c.role)).toEqual(['publisher', 'host']);
  });
});

describe('roles', () => {
  it('knows hosting companies by name and by SIREN when nothing else says so', () => {
    expect(extractFromText('## Infos\nOVH SAS, RCS Lille 424 761 419').candidates[0]?.role).toBe('host');
    expect(extractFromText('## Infos\nSIREN 433 115 904').candidates[0]?.role).toBe('host');
    expect(
      extractFromText('Le site est hébergé par la société Ionos, SIREN 431 303 775').candidates[0]?.role,
    ).toBe('host');
  });

  it('lets "édité par" win over a host named earlier', () => {
    const r = extractFromText(
      'Hébergement : OVH SAS, RCS Lille 424 761 419.\nCe site est édité par ACME SAS, RCS Paris 552 081 317.',
    );
    expect(r.candidates.map((c) => [c.siren, c.role])).toEqual([
      ['424761419', 'host'],
      ['552081317', 'publisher'],
    ]);
    expect(r).toMatchObject({ siren: '552081317', company_name: 'ACME' });
  });

  it('marks designers and photographers as third parties', () => {
    const r = extractFromText(
      '## Éditeur\nACME, SIREN 552 081 317\n## Réalisation\nSite conçu par Studio X, SIRET 801 198 094 00022',
    );
    expect(r.candidates.map((c) => c.role)).toEqual(['publisher', 'third_party']);
    expect(extractFromText('Photos : Jean Dupont, SIRET 82903619300011').candidates[0]?.role).toBe(
      'third_party',
    );
  });
});

describe('roles without headings', () => {
  it('reads the cue from earlier lines of the same block', () => {
    const r = extractFromText(
      'Éditeur : ACME SAS\nSIREN 552 081 317\nHébergeur :\nFoo Hosting SARL\nRCS Paris 801 198 094',
    );
    expect(r.candidates.map((c) => [c.siren, c.role])).toEqual([
      ['552081317', 'publisher'],
      ['801198094', 'host'],
    ]);
  });

  it('keeps a footer’s publisher when the host is named in an earlier segment of the line', () => {
    const r = extractFromHtml('<footer>Hébergé par OVH – ACME SAS, RCS Lyon 552 081 317</footer>');
    expect(r).toMatchObject({ siren: '552081317', rcs: { city: 'Lyon', number: '552081317' } });
  });

  it('takes the RCS town written after a SIREN', () => {
    expect(extractFromText('SIREN : 552 081 317 R.C.S. Paris').rcs).toEqual({
      city: 'Paris',
      number: '552081317',
    });
  });
});

describe('big inputs', () => {
  it('examines at most 500 numbers of a data dump and says so', () => {
    const r = extractFromText(`## Éditeur\nSIREN 552 081 317\n${'Lot 801 198 094\n'.repeat(600)}`);
    expect(r.siren).toBe('552081317');
    expect(r.candidates.length).toBeLessThanOrEqual(500);
    expect(r.notes).toContain('only the first 500 of 601 numbers were examined');
  });
});

describe('more written forms', () => {
  it('reads hyphenated SIRENs and a TVA number written without FR', () => {
    expect(extractFromText('SIREN : 552-081-317').siren).toBe('552081317');
    const r = extractFromText('Éditeur : EDF\nSIREN 552 081 317\nN° TVA : 03 552 081 317');
    expect(r.tva).toBe('FR03552081317');
  });

  it('does not give a label to a number that another number separates from it', () => {
    const r = extractFromText('SIREN 552 081 317, capital de 100 000 000 €');
    expect(r.candidates.map((c) => c.normalized)).toEqual(['552081317']);
  });

  it('reads English legal notices', () => {
    const r = extractFromText(
      'This website is published by ACME SAS, registered with the Paris Trade and Companies Register under number 552 081 317.\nHosted by OVH SAS, RCS Lille 424 761 419.',
    );
    expect(r.candidates.map((c) => [c.siren, c.type, c.role])).toEqual([
      ['552081317', 'rcs', 'publisher'],
      ['424761419', 'rcs', 'host'],
    ]);
    expect(r.siren).toBe('552081317');
  });

  it('reads "le site est la propriété de" as the publisher', () => {
    const r = extractFromText(
      '## Informations\nLe site est la propriété de la société ACME, SIREN 552 081 317.',
    );
    expect(r.candidates[0]?.role).toBe('publisher');
    expect(r.company_name).toBe('ACME');
  });
});

describe('common notice layouts', () => {
  it('a generator-style paragraph: publisher and host in running text', () => {
    const r = extractFromText(
      'Le site acme.fr est édité par la société ACME, SAS au capital de 1000 euros, immatriculée au R.C.S. de Paris sous le numéro 552 081 317, dont le siège social est situé au 1 rue X 75001 Paris, Numéro de TVA intracommunautaire : FR03552081317. Le site est hébergé par la société OVH SAS, au capital de 10 174 560 €, immatriculée au RCS de Lille Métropole sous le numéro 424 761 419 00045.',
    );
    expect(r).toMatchObject({
      siren: '552081317',
      tva: 'FR03552081317',
      rcs: { city: 'Paris', number: '552081317' },
      company_name: 'ACME',
    });
    expect(r.candidates.map((c) => c.role)).toEqual(['publisher', 'publisher', 'host']);
  });

  it('a "Présentation du site" block: owner, creator agency and host on separate lines', () => {
    const r = extractFromHtml(
      '<h2>1. Présentation du site</h2><p>Propriétaire : ACME SARL – SIRET 552 081 317 66522<br>' +
        'Créateur : Agence Y, SIRET 801 198 094 00022<br>Hébergeur : o2switch – SIRET 510 909 807 00032</p>',
    );
    expect(r).toMatchObject({ siren: '552081317', siret: '55208131766522', company_name: 'ACME SARL' });
    expect(r.candidates.map((c) => c.role)).toEqual(['publisher', 'third_party', 'host']);
  });

  it('a one-line footer with "©", RCS, TVA and the web agency', () => {
    const r = extractFromHtml(
      '<footer><p>© 2024 ACME SAS · RCS Paris 552 081 317 · TVA FR03552081317</p><p>Site réalisé par Studio Z (SIRET 801 198 094 00022)</p></footer>',
    );
    expect(r).toMatchObject({ siren: '552081317', company_name: 'ACME SAS' });
    expect(r.candidates.map((c) => c.role)).toEqual(['publisher', 'publisher', 'third_party']);
  });

  it('definition lists with the number split by spans', () => {
    const r = extractFromHtml(
      '<h3>Société éditrice</h3><dl><dt>Nom</dt><dd>ACME</dd><dt>N° SIREN</dt><dd>552<span> </span>081<span> </span>317</dd></dl>' +
        '<h3>Hébergement</h3><dl><dt>Société</dt><dd>Scaleway SAS</dd><dt>SIREN</dt><dd>433 115 904</dd></dl>',
    );
    expect(r).toMatchObject({ siren: '552081317', company_name: 'ACME' });
    expect(r.candidates.map((c) => c.role)).toEqual(['publisher', 'host']);
  });

  it('bracketed placeholders are noted, not read', () => {
    const r = extractFromText('Éditeur : ACME\nSIRET : [Numéro SIRET]\nTVA : FRXX XXXXXXXXX');
    expect(r).toMatchObject({ siren: null, reason: 'no_identifier_found' });
    expect(r.notes).toContain('placeholder, not an identifier: "SIRET : [Numéro SIRET]"');
  });
});

describe('JSON-LD', () => {
  it('reads the site’s own Organization (legalName, taxID, vatID), not a product’s seller', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Organization', legalName: 'ACME SAS', taxID: '552 081 317', vatID: 'FR03552081317' },
        {
          '@type': 'Product',
          offers: { seller: { '@type': 'Organization', name: 'Other', taxID: '801198094' } },
        },
      ],
    };
    const r = extractFromHtml(
      `<html><head><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body><p>Bienvenue</p></body></html>`,
    );
    expect(r).toMatchObject({ siren: '552081317', tva: 'FR03552081317', company_name: 'ACME SAS' });
    expect(r.candidates.map((c) => c.siren)).toEqual(['552081317', '552081317']);
  });

  it('ignores malformed JSON-LD', () => {
    const r = extractFromHtml('<script type="application/ld+json">{ nope</script><p>Rien</p>');
    expect(r.reason).toBe('no_identifier_found');
  });
});

describe('odd page URLs', () => {
  it('survives a broken %-escape in the page URL', () => {
    expect(extractFromText('SIREN 552 081 317', 'https://x.fr/mentions-l%E9gales%').siren).toBe('552081317');
  });
});

describe('numbers followed by other numbers', () => {
  it('splits a SIREN from the postcode written after it', () => {
    const r = extractFromText('Éditeur : ACME, SIREN 552 081 317 75008 Paris');
    expect(r.candidates.map((c) => [c.type, c.normalized, c.valid])).toEqual([['siren', '552081317', true]]);
  });

  it('keeps a SIRET followed by a postcode', () => {
    const r = extractFromText('Éditeur : EDF, SIRET 552 081 317 66522 75008 Paris');
    expect(r).toMatchObject({ siren: '552081317', siret: '55208131766522' });
  });
});

describe('foreign VAT needs a VAT label', () => {
  it('ignores product codes shaped like VAT numbers', () => {
    expect(extractFromText('Référence produit SK12345678, modèle DE123456789').candidates).toEqual([]);
  });
});

describe('credits written as "Conception :"', () => {
  it('marks "Conception : Agence Y" as a third party', () => {
    const r = extractFromText(
      'Le site est édité par ACME, SIREN 552 081 317.\nConception : Agence Y, SIRET 801 198 094 00022',
    );
    expect(r.candidates.map((c) => c.role)).toEqual(['publisher', 'third_party']);
    expect(r.co_publishers).toEqual([]);
  });
});

describe('RCS towns around parentheses', () => {
  it('reads "RCS de Paris (552 081 317)" and "552 081 317 (RCS Paris)"', () => {
    expect(extractFromText('Immatriculée au RCS de Paris (552 081 317)').rcs).toEqual({
      city: 'Paris',
      number: '552081317',
    });
    expect(extractFromText('SIREN : 552 081 317 (RCS Paris)').rcs).toEqual({
      city: 'Paris',
      number: '552081317',
    });
  });
});
