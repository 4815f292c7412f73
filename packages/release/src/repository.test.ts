import { describe, expect, it } from 'vitest';
import { DEFAULT_REPOSITORY, mcpName, parseRepository, releaseRepository } from './repository.js';

describe('the release repository (MCP_FR_REPOSITORY)', () => {
  it('names the npm repository and the MCP Registry namespace from <owner>/<name>', () => {
    const repo = parseRepository('Some-Org/mcp-fr');
    expect(repo).toEqual({ owner: 'Some-Org', name: 'mcp-fr', url: 'https://github.com/Some-Org/mcp-fr' });
    expect(mcpName(repo, 'siret-extractor')).toBe('io.github.Some-Org/mcp-fr-siret-extractor');
  });

  it('defaults to the documented repository when the variable is unset or empty', () => {
    expect(releaseRepository({}).url).toBe(`https://github.com/${DEFAULT_REPOSITORY}`);
    expect(releaseRepository({ MCP_FR_REPOSITORY: ' ' }).url).toBe(
      `https://github.com/${DEFAULT_REPOSITORY}`,
    );
    expect(releaseRepository({ MCP_FR_REPOSITORY: 'acme/tools' }).owner).toBe('acme');
  });

  it.each(['acme', 'acme/tools/extra', '-acme/tools', 'ac me/tools', 'https://github.com/acme/tools'])(
    'rejects %j with a message naming the variable',
    (value) => {
      expect(() => parseRepository(value)).toThrow(/MCP_FR_REPOSITORY must be <owner>\/<name>/);
    },
  );
});
