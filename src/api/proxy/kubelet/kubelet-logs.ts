import type { BackendAnswer } from '../backend-answer.js';
import { serveFiles } from './file-server.js';
import type { KubeletRequest } from './kubelet-request.js';
import { varLog } from './log-directory.js';

/**
 * The kubelet's /logs/: /var/log through http.FileServer behind StripPrefix("/logs/") (k/k pkg/kubelet/kubelet.go
 * logServer, server.go InstallSystemLogHandler). This is a kubelet with the default configuration
 * (enableSystemLogHandler on, enableSystemLogQuery off): query parameters such as `?query=kubelet` of the
 * NodeLogQuery feature are not read, so such a request gets the listing or the file its path names.
 */
export function kubeletLogs(request: KubeletRequest): BackendAnswer {
  return serveFiles(varLog(request.cluster, request.node), request.path.slice('/logs/'.length), request.rawQuery);
}
