import { Result } from 'antd';
import { Component, type ReactNode } from 'react';

/** A screen that fails to draw shows the error instead of blanking the whole console; the menu stays usable. */
export class ErrorBoundary extends Component<{ title: string; children: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    return this.state.error ? <Result status="error" title={this.props.title} subTitle={this.state.error.message} /> : this.props.children;
  }
}
