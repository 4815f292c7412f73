import type { PromptDefinition } from '@mcp/core';
import { dossierEntreprise } from './dossier_entreprise.js';

export const allInOnePrompts: readonly PromptDefinition[] = [dossierEntreprise];
