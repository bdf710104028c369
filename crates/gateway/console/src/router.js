// Routes live in the URL's hash (#/c/xinhua/courses): the server serves one page for all.
import { useEffect, useState } from 'react';

function parse() {
  return window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
}

export function useRoute() {
  const [parts, setParts] = useState(parse);
  useEffect(() => {
    const on = () => setParts(parse());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return parts;
}

export function go(...parts) {
  window.location.hash = '#/' + parts.map(encodeURIComponent).join('/');
}
