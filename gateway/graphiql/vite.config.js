import { defineConfig } from 'vite';

// The gateway serves these files under /graphiql/ and the page itself at GET /graphql. The output
// folder comes from the gateway's build (--outDir), so the files land beside the gateway's binaries.
export default defineConfig({
  base: '/graphiql/',
  logLevel: 'warn',
  build: {
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      onwarn(warning, warn) {
        // React libraries mark modules "use client" for server components; meaningless in a static bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
