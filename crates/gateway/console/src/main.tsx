import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router-dom';
import App from './App';
import { keepOffline } from './lib/offline';
import './console.css';

// Answers stay fresh for half a minute: moving between pages shows what was loaded at once.
// A resident's timetable and bookings are kept on the phone for a week (lib/offline.ts).
const queries = new QueryClient({
  defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false, gcTime: 7 * 86400_000 } },
});
keepOffline(queries);

// A resident's page (a link, a bookmark, the installed app) fetches its frame and pages while
// the account is being read, rather than after.
if (window.location.hash.startsWith('#/r/')) {
  void import('./frames/Phone');
  void import('./shells/Resident');
}

createRoot(document.getElementById('root')!).render(
  <QueryClientProvider client={queries}>
    <HashRouter>
      <App />
    </HashRouter>
  </QueryClientProvider>,
);

// The installable app (manifest.webmanifest): its service worker keeps the built files and
// the page, so the console opens without a network.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  navigator.serviceWorker.register('/console/sw.js', { scope: '/console/' }).catch(() => {});
}
