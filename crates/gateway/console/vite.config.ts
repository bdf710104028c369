import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const generated = fileURLToPath(new URL('./src/gql/graphql.ts', import.meta.url));

/**
 * Each page ships only the GraphQL documents it uses. `graphql(`query Name …`)` is typed
 * through codegen's table of every document (src/gql/gql.ts); here each call becomes its own
 * document in place (`new TypedDocumentString(`…`)`, the class codegen generates), so a
 * document travels in the chunk of the page that uses it and neither the table nor codegen's
 * list of documents is bundled (they are marked pure and dropped). The documents use no
 * fragments, so the text is the whole document. What codegen's Babel plugin does, without Babel.
 */
function ownDocuments(): Plugin {
  return {
    name: 'linli-own-documents',
    enforce: 'pre',
    transform(code, id) {
      if (id === generated) return code.replace(/= new TypedDocumentString\(/g, '= /*#__PURE__*/ new TypedDocumentString(');
      if (id.includes('/src/gql/') || !/\.tsx?$/.test(id) || !code.includes('graphql(`')) return null;
      const out = code
        .replace(/^import \{ graphql \} from '[./]+gql';\n/m, '')
        .replace(/graphql\((`\s*(?:query|mutation|subscription)\s+\w+[^`]*`)\)/g, (_, doc: string) => {
          if (/\.\.\.\s*(?!on\s)[A-Za-z]/.test(doc)) this.error(`a fragment spread in ${id}: the document would travel without its fragment`);
          return `/*#__PURE__*/ new __Document(${doc})`;
        });
      if (out.includes('graphql(`')) this.error(`a graphql(\`…\`) without an operation name in ${id}`);
      return `import { TypedDocumentString as __Document } from ${JSON.stringify(generated)};\n${out}`;
    },
  };
}

// The console is served by `linli` under /console/ from files embedded in the binary
// (crates/gateway/src/console.rs); `npm run build` writes them to dist/, which is committed
// so that building Linli never needs Node.
export default defineConfig({
  base: '/console/',
  plugins: [ownDocuments(), react()],
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
