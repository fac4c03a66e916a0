-- PostgreSQL: folded into 0001_foundation.sql (see there).
SELECT 1;
