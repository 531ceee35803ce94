import { useMutation } from '@tanstack/react-query';
import type { ApiArgs } from '../../shared/api/contract';
import { useApi } from '../api/ApiProvider';
import { unwrap } from './unwrap';

/** A report of some references in one format (`exportReport`), made on demand. */
export function useExportReport() {
  const api = useApi();
  return useMutation({ mutationFn: (args: ApiArgs<'exportReport'>) => unwrap(() => api.exportReport(args)) });
}
