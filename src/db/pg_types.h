/*
 * PostgreSQL's type OIDs the database layer reads results by (pg_type.h
 * is the server's; these numbers are fixed).  Private to src/db/.
 */
#ifndef RT_PG_TYPES_H
#define RT_PG_TYPES_H

#define OID_BOOL	16
#define OID_BYTEA	17
#define OID_INT8	20
#define OID_INT2	21
#define OID_INT4	23
#define OID_TEXT	25
#define OID_OID		26
#define OID_FLOAT4	700
#define OID_FLOAT8	701
#define OID_NUMERIC	1700

#endif
