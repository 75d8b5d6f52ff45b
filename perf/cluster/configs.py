"""The configuration files of HAProxy and pgbouncer, written per run."""

HAPROXY = """\
global
    maxconn 1000
    # Server states for tools and tests: `show stat` on this socket.
    stats socket {socket} mode 600 level admin

defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    timeout check 2s
    # A connection that failed never reached a server, so any request is
    # tried again on another; so is a GET whose server closed without
    # answering (it crashed). Nothing else is sent twice: a POST may have
    # placed an order before its server died (HAProxy's layer-7 retries
    # would otherwise replay POSTs too).
    retries 2
    retry-on conn-failure empty-response
    option redispatch

frontend shop
    bind 127.0.0.1:{port}
    # A request id per request, unless a proxy before this one gave it one;
    # a random UUID, so it tells nothing about the visitor.
    unique-id-format %[uuid()]
    acl has_request_id req.hdr(X-Request-ID) -m found
    http-request set-header X-Request-ID %[unique-id] unless has_request_id
    default_backend app_servers

backend app_servers
    # No sticky sessions: any app server answers any visitor (sessions and
    # baskets live in the database and Redis).
    balance roundrobin
    option forwardfor
    http-request disable-l7-retry unless METH_GET
    option httpchk GET /readyz HTTP/1.1
    http-check send hdr Host 127.0.0.1
    http-check expect status 200
    # Quick to notice a server gone or back, for trying it out locally.
    default-server check inter 1s fall 2 rise 2
{servers}
"""

PGBOUNCER = """\
[databases]
{database} = host=127.0.0.1 port={postgres_port} dbname={database} user={user}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = {port}
; No Unix socket: another pgbouncer's in /tmp would clash with it.
unix_socket_dir =
auth_type = trust
auth_file = {auth_file}
admin_users = {user}
; One server connection per transaction: the app's settings follow it
; (DATABASE_POOLER=transaction, shop/settings/database.py).
pool_mode = transaction
max_client_conn = 200
default_pool_size = 20
; A line per connection would bury the app servers' lines.
log_connections = 0
log_disconnections = 0
"""


def haproxy_config(*, port, servers, socket):
    lines = "\n".join(
        f"    server {name} 127.0.0.1:{server_port}"
        for name, server_port in servers.items()
    )
    return HAPROXY.format(port=port, socket=socket, servers=lines)


def pgbouncer_config(*, port, postgres_port, database, user, auth_file):
    return PGBOUNCER.format(
        port=port,
        postgres_port=postgres_port,
        database=database,
        user=user,
        auth_file=auth_file,
    )


def pgbouncer_users(user):
    """The auth file: with trust, pgbouncer still wants the user listed."""
    return f'"{user}" ""\n'
