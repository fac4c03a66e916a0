/*
 * The server's lock-down: once it has opened its listening socket, read
 * its keys and static files and checked its database, every thread is
 * put under one seccomp filter (util/sandbox.h, SANDBOX_KILL) that
 * allows only the system calls serving needs.  Anything else (exec,
 * new sockets, ptrace, mount, changing identity...) stops the process;
 * systemd restarts it.
 */
#ifndef RT_LOCKDOWN_H
#define RT_LOCKDOWN_H

#include "../util/must_check.h"

/* 0, or -1 when the filter could not be installed (the server must not
 * serve then: fail closed).  database_socket: the database is reached
 * over a socket (PostgreSQL), so each worker may open and connect one. */
int	lockdown_server(int database_socket) MUST_CHECK;

#endif
