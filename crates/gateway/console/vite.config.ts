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
        // Libraries change less often than pages: separate chunks keep a rebuild's diff small.
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)/ },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|rc-|@rc-component|dayjs)/ },
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
