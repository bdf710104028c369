import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The console is served by `linli` under /console/ from files embedded in the binary
// (crates/gateway/src/console.rs); `npm run build` writes them to dist/, which is committed
// so that building Linli never needs Node.
export default defineConfig({
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No source maps: they would double what the binary embeds.
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // ECharts only in its own chunk (the district's dashboards load it); antd is split by
        // use, so a shell downloads the components it shows (one antd chunk cost a resident's
        // first visit 437 KiB instead of 345 KiB, gzip; docs/PERFORMANCE.md).
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)/ },
          ],
        },
      },
    },
  },
  server: {
    // `npm run dev` against a running `linli serve` on the default port.
    proxy: { '/graphql': 'http://127.0.0.1:8080' },
  },
});
