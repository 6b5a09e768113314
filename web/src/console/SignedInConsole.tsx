import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { useAuth } from './auth';
import { NotAllowed } from './NotAllowed';
import { SCREENS } from './screens';
import { Shell } from './Shell';

/** The signed-in console under /console: the frame and the screens this role may open. */
export function SignedInConsole() {
  return (
    <BrowserRouter basename="/console">
      <ConsoleRoutes />
    </BrowserRouter>
  );
}

function ConsoleRoutes() {
  const { can } = useAuth();
  const visible = SCREENS.filter((s) => s.anyOf.some(can));
  return (
    <Routes>
      <Route element={<Shell screens={visible} />}>
        <Route index element={<Navigate to={visible[0]?.path ?? 'none'} replace />} />
        {visible.map((s) => (
          <Route key={s.path} path={`${s.path}/*`} element={s.element} />
        ))}
        <Route path="*" element={<NotAllowed />} />
      </Route>
    </Routes>
  );
}
