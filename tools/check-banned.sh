#!/bin/sh
# Fails when risky C functions appear in src/ (as curl's checksrc does).
set -eu
banned='\b(strcpy|strcat|sprintf|vsprintf|gets|atoi|atol|strtok|strncpy|strncat)\s*\('
if grep -rnE "$banned" src tools/embed.c; then
	echo "banned function in the lines above: use buf_*, snprintf or strtol" >&2
	exit 1
fi
