/*
 * Hooks that let the HTTP tests prove the lock-down works: they exist
 * only in the test build (compiled with RT_TEST_HOOKS, see the Makefile),
 * and are read from the environment the harness starts the server in.
 * In the release build every hook is a no-op returning 0.
 *
 *   RT_TEST_FORBIDDEN_CALL=PATH  a request for PATH first asks, in its
 *                             worker thread, for a system call the
 *                             filter refuses (listen), which must stop
 *                             the server;
 *   RT_TEST_DRAWER_SLEEP=N    the child drawing an archive's papers
 *                             sleeps N seconds first, as a PDF hanging
 *                             inside poppler would;
 *   RT_TEST_IMPORT_STALL=FILE an exchange import, its bundle applied
 *                             and not yet committed, makes FILE and
 *                             sleeps a minute, for a test to kill it.
 */
#ifndef RT_TEST_HOOKS_H
#define RT_TEST_HOOKS_H

void		test_hook_request(const char *path);
unsigned	test_hook_drawer_sleep(void);
void		test_hook_import_stall(void);

#endif
