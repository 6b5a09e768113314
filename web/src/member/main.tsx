import { createRoot } from 'react-dom/client';
import { MemberApp } from './MemberApp';

createRoot(document.getElementById('root')!).render(<MemberApp />);
