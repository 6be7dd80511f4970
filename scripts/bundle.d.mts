// Types of bundle.mjs, for the tests that import it.
import type { BuildOptions, Metafile } from 'esbuild';

export const entryPoints: Record<string, string>;
export const INLINED_PACKAGES: readonly string[];
export const bundleOptions: BuildOptions;
export function bundledPackageDirs(
  metafile: Pick<Metafile, 'inputs'> | { inputs: Record<string, unknown> },
): string[];
export interface BundledPackage {
  name: string;
  version: string;
  license?: string;
  author?: string;
  repository?: string;
  texts: { name: string; text: string }[];
}
export function readPackage(dir: string): BundledPackage;
export function licenseNotices(dirs: readonly string[]): string;
