// Finding one company by SIREN or SIRET: a 9- or 14-digit `q` is an identifier lookup on the API.
import { err, ok, type Result } from '@mcp/core';
import type { RawCompany, RawEstablishment, RegisterClient } from '@mcp/recherche-entreprises';

export interface Found {
  company: RawCompany;
  /** The establishment a SIRET lookup asked for, when the API returned it. */
  establishment: RawEstablishment | null;
}

export const findEstablishment = (company: RawCompany, siret: string): RawEstablishment | null =>
  [...company.matching_etablissements, company.siege].find((e) => e?.siret === siret) ?? null;

export const lookupCompany = async (
  api: RegisterClient,
  id: { siren: string; siret?: string },
  signal?: AbortSignal,
): Promise<Result<Found>> => {
  const q = id.siret ?? id.siren;
  const res = await api.search({ q, page: 1, per_page: 5 }, signal);
  if (!res.ok) return res;
  const company = res.value.results.find((r) => r.siren === id.siren);
  if (!company) {
    const what = id.siret ? `SIRET ${id.siret}` : `SIREN ${id.siren}`;
    return err(
      'not_found',
      `Aucune entreprise avec le ${what} dans le répertoire Sirene. No company with ${what} in the French register.`,
      id.siret ? { siret: id.siret } : { siren: id.siren },
    );
  }
  return ok({ company, establishment: id.siret ? findEstablishment(company, id.siret) : null });
};
