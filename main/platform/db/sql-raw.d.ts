// `import text from './x.sql?raw'`: the file's content as a string (Vite/Vitest natively, esbuild
// through the raw-text plugin of scripts/build.mjs).
declare module '*.sql?raw' {
  const text: string;
  export default text;
}
