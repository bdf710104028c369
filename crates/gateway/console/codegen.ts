// GraphQL Code Generator: every document in the pages, written as graphql(`…`), is checked
// against the schema the server generates (../../../schema.graphql) and typed, so a renamed
// field breaks `npm run build`, not a page. The output (src/gql/) is not committed.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../../../schema.graphql',
  documents: ['src/**/*.tsx', 'src/**/*.ts', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // Plain strings on the wire and in the bundle (no parsed ASTs shipped to phones).
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string', Date: 'string', ID: 'string', Upload: 'File', JSON: 'unknown' },
      },
    },
  },
};
export default config;
