import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router-dom';
import App from './App';
import './console.css';

// Answers stay fresh for half a minute: moving between pages shows what was loaded at once.
const queries = new QueryClient({
  defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } },
});

createRoot(document.getElementById('root')!).render(
  <QueryClientProvider client={queries}>
    <HashRouter>
      <App />
    </HashRouter>
  </QueryClientProvider>,
);
