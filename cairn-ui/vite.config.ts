import { defineConfig } from 'vite';

// The Maven build packs target/classes into the cairn-ui jar; the server serves the classpath folder
// cairn-ui at /. `npm run dev` proxies the API to a server on :8080 (`./cairn server`).
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'target/classes/cairn-ui',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1000,
    rollupOptions: {
      // react-router marks its files "use client" for server components; meaningless in a SPA bundle
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    proxy: { '/api': process.env.CAIRN_URL ?? 'http://127.0.0.1:8080' },
  },
});
