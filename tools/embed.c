/*
 * Build tool: writes a C file defining an array of struct embedded_file
 * from the files named on the command line.
 *   embed ARRAY_NAME STRIP_PREFIX FILE...  > out.c
 * Files are emitted in the order given (the Makefile sorts them).
 */
#include <stdio.h>
#include <string.h>

int
main(int argc, char *argv[])
{
	FILE	*f;
	size_t	 prefix, n, col;
	int	 i, c;

	if (argc < 3) {
		fprintf(stderr, "usage: embed ARRAY PREFIX FILE...\n");
		return 2;
	}
	prefix = strlen(argv[2]);
	printf("#include \"embedded.h\"\n");
	for (i = 3; i < argc; i++) {
		if ((f = fopen(argv[i], "rb")) == NULL) {
			perror(argv[i]);
			return 1;
		}
		printf("static const unsigned char %s_%d[] = {", argv[1], i);
		for (n = 0, col = 0; (c = fgetc(f)) != EOF; n++) {
			printf("%s%d,", col++ % 20 ? "" : "\n", c);
		}
		printf("0};\n");
		fclose(f);
	}
	printf("const struct embedded_file %s[] = {\n", argv[1]);
	for (i = 3; i < argc; i++) {
		const char *name = argv[i];

		if (strncmp(name, argv[2], prefix) == 0)
			name += prefix;
		printf("\t{ \"%s\", %s_%d, sizeof(%s_%d) - 1 },\n", name,
		    argv[1], i, argv[1], i);
	}
	printf("\t{ NULL, NULL, 0 }\n};\n");
	return 0;
}
