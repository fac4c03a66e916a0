/*
 * MUST_CHECK marks a result that must not be ignored.  Security actions
 * (ending a session, revoking a token, counting a failed sign-in, the
 * audit row, any database write) fail closed only if every caller looks
 * at what they returned; -Werror turns a forgotten check into a build
 * failure.
 */
#ifndef RT_MUST_CHECK_H
#define RT_MUST_CHECK_H

#define MUST_CHECK	__attribute__((warn_unused_result))

#endif
