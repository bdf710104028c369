// Routes live in the URL's hash (#/c/xinhua/courses), read by React Router's HashRouter: the
// server serves one page for all of them.
import { useCallback } from 'react';
import { useNavigate, useParams } from 'react-router-dom';

/** Navigate to the route of these parts (each encoded). */
export function useGo(): (...parts: string[]) => void {
  const navigate = useNavigate();
  return useCallback((...parts: string[]) => navigate('/' + parts.map(encodeURIComponent).join('/')), [navigate]);
}

/** The parts of the route below a shell (`#/d/510109/targets/x` → `['targets', 'x']`). */
export function useRest(): string[] {
  const rest = useParams()['*'] ?? '';
  return rest.split('/').filter(Boolean).map(decodeURIComponent);
}
