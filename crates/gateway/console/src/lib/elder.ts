// 长辈模式: larger type (22 px body), larger touch areas (60 px) and text at AAA contrast, for
// residents over 70 (MIIT's 适老化 rules, numbers in STYLE.md). Remembered on the phone; the
// class on <html> switches the phone frame's CSS variables.
import { useCallback, useEffect, useState } from 'react';

const KEY = 'linli.elder';

export function useElderMode(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => localStorage.getItem(KEY) === '1');
  useEffect(() => {
    document.documentElement.classList.toggle('elder', on);
  }, [on]);
  const set = useCallback((v: boolean) => {
    localStorage.setItem(KEY, v ? '1' : '0');
    setOn(v);
  }, []);
  return [on, set];
}
