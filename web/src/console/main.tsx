import { createRoot } from 'react-dom/client';
import { ConsoleApp } from './ConsoleApp';
import './console.css';

createRoot(document.getElementById('root')!).render(<ConsoleApp />);
