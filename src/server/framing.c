#include <string.h>
#include <strings.h>

#include "framing.h"
#include "../util/catalogue.h"

struct header_counts {
	int	 content_length;
	int	 transfer_encoding;
	int	 host;
};

static enum MHD_Result
header_count(void *cls, enum MHD_ValueKind kind, const char *key,
    const char *value)
{
	struct header_counts	*n = cls;

	(void)kind;
	(void)value;
	if (strcasecmp(key, MHD_HTTP_HEADER_CONTENT_LENGTH) == 0)
		n->content_length++;
	else if (strcasecmp(key, MHD_HTTP_HEADER_TRANSFER_ENCODING) == 0)
		n->transfer_encoding++;
	else if (strcasecmp(key, MHD_HTTP_HEADER_HOST) == 0)
		n->host++;
	return MHD_YES;
}

/* 1 when the request line held a NUL inside the URI.  The version
 * follows the URI and the one space the library ended it with. */
static int
uri_has_nul(const struct framing_uri *u, const char *version)
{
	if (u == NULL || u->uri == NULL || version == NULL)
		return 0;
	if (version <= u->uri)
		return 0;	/* not after it: nothing to compare */
	return (size_t)(version - u->uri - 1) != u->len;
}

const char *
framing_problem(struct MHD_Connection *conn, const struct framing_uri *u,
    const char *version)
{
	struct header_counts	 n = { 0, 0, 0 };

	if (uri_has_nul(u, version))
		return N_("The request line contains a NUL character.");
	MHD_get_connection_values(conn, MHD_HEADER_KIND, header_count, &n);
	if (n.content_length > 1)
		return N_("The request has more than one Content-Length.");
	if (n.content_length > 0 && n.transfer_encoding > 0)
		return N_("The request has both Content-Length and "
		    "Transfer-Encoding.");
	if (n.host > 1)
		return N_("The request has more than one Host.");
	if (n.host == 0 && version != NULL &&
	    strcmp(version, MHD_HTTP_VERSION_1_1) == 0)
		return N_("An HTTP/1.1 request needs a Host header.");
	return NULL;
}
