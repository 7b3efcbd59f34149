// Types for paths.mjs, which the TypeScript configs and benchmarks import.
export declare const root: string
export declare const hubBundle: string
export declare const rendererIndex: string
export declare function buildIsStale(): boolean
export declare function chromiumPath(): string
export declare const CHROMIUM_ARGS: readonly string[]
