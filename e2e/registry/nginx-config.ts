/** Where nginx listens and what it serves. */
export interface NginxConfigOptions {
  readonly port: number;
  /** The registries' storage root, served at `/` (redirect targets `/docker/registry/v2/blobs/…/data`). */
  readonly storageRoot: string;
  /** Served at `/foreign/`: stand-ins for foreign (Windows) layers. */
  readonly foreignDir: string;
  /** Folder for nginx's pid file, logs and temp files. */
  readonly workDir: string;
}

/**
 * An nginx config for the foreground (`daemon off`), with every path inside the harness's temp
 * dir so it needs nothing from /var. Files answer with Last-Modified from their mtime.
 */
export function nginxConfig(options: NginxConfigOptions): string {
  const w = options.workDir;
  return `daemon off;
worker_processes 1;
pid ${w}/nginx.pid;
error_log ${w}/nginx-error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${w}/client-body;
  proxy_temp_path ${w}/proxy;
  fastcgi_temp_path ${w}/fastcgi;
  uwsgi_temp_path ${w}/uwsgi;
  scgi_temp_path ${w}/scgi;
  types { }
  default_type application/octet-stream;
  server {
    listen 127.0.0.1:${options.port};
    location / { root ${options.storageRoot}; }
    location /foreign/ { alias ${options.foreignDir}/; }
  }
}
`;
}
