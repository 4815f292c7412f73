// Public surface of @mcp/release (a private package: the repository's release tooling). Named exports only; types apart.
export type { PackTarget, ReleaseApp, UserSetting } from './apps.js';
export { RELEASE_APPS, releaseApp } from './apps.js';
export type { McpbManifest } from './mcpb/manifest.js';
export { mcpbManifest } from './mcpb/manifest.js';
export type { BundleAsset, ServerJson } from './registry/server-json.js';
export { SERVER_SCHEMA_URL, serverJson } from './registry/server-json.js';
export type { AppArtifacts, ReleaseArtifacts, ReleaseOptions } from './release.js';
export { buildRelease } from './release.js';
export type { Repository } from './repository.js';
export { DEFAULT_REPOSITORY, mcpName, parseRepository, releaseRepository } from './repository.js';
export { isVersion, readVersion, setVersion, workspaceVersions } from './version/version.js';
