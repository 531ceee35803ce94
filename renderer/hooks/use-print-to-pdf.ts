import { useMutation } from '@tanstack/react-query';
import { useApi } from '../api/ApiProvider';
import { unwrap } from './unwrap';

/** The current page as a PDF from the desktop host (Electron's printToPDF). */
export function usePrintToPdf() {
  const api = useApi();
  return useMutation({ mutationFn: (fileName: string) => unwrap(() => api.printToPdf({ fileName })) });
}
