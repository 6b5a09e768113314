import { useEffect, useState } from 'react';

const LARGE = 736;

/** antd's large drawer (736 px), or the whole width on screens narrower than that (a phone), following resizes. */
export function useDrawerSize(): 'large' | '100%' {
  const narrow = () => typeof window !== 'undefined' && window.innerWidth < LARGE;
  const [isNarrow, setNarrow] = useState(narrow);
  useEffect(() => {
    const onResize = () => setNarrow(narrow());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return isNarrow ? '100%' : 'large';
}
