import { Space } from 'antd';
import type { ReactNode } from 'react';
import type { Draft } from './draft';

/** What each step edits: the draft and a setter of some of its fields. */
export interface StepProps {
  draft: Draft;
  set: (patch: Partial<Draft>) => void;
}

/** A step's fields, one under the other with the wizard's own spacing. */
export function StepFields({ children }: { children: ReactNode }) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {children}
    </Space>
  );
}
