package config

import (
	"net/url"
	"strings"
)

// escape %-encodes a value for the hash, leaving the characters that read well in a
// link (digits, letters, , ; : = . - and the like) as they are. '&' separates keys
// and so is always encoded; '=' may stay, since a key ends at its first '='.
func escape(s string) string {
	return readable.Replace(url.QueryEscape(s))
}

// readable undoes QueryEscape for the characters escape leaves: built once, as a
// Replacer's tables cost more than the replacing (Hash runs on every change).
var readable = strings.NewReplacer("%3D", "=", "%2C", ",", "%3B", ";", "%3A", ":", "%5E", "^", "%2A", "*", "%2F", "/", "%28", "(", "%29", ")", "+", "%20")

// unescape decodes a %-encoded value; '+' is kept as a plus sign, since formulas use it.
func unescape(s string) (string, error) {
	return url.PathUnescape(s)
}
