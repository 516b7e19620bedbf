// Package kagetest checks the text of emitted Kage for the tests of the
// packages that emit it, so that the shader compiler, which runs only in the
// browser, gets what the emitters promise.
package kagetest

import (
	"fmt"
	"strings"
)

// Check returns an error when src breaks a promise of the emitted Kage:
// parentheses balance, there is no '^' (Kage has no power operator), every
// numeric literal is a float (Kage divides integer literals as integers; an
// index into Consts excepted), and, when known is not nil, every name is one
// known accepts. Comments are skipped.
func Check(src string, known func(name string) bool) error {
	depth := 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case strings.HasPrefix(src[i:], "//"):
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case c == '(':
			depth++
		case c == ')':
			depth--
			if depth < 0 {
				return fmt.Errorf("unbalanced ')' at byte %d of\n%s", i, src)
			}
		case c == '^':
			return fmt.Errorf("'^' at byte %d of\n%s", i, src)
		case isLetter(c):
			end := i
			for end < len(src) && (isLetter(src[end]) || isDigit(src[end])) {
				end++
			}
			if name := src[i:end]; known != nil && !known(name) {
				return fmt.Errorf("unexpected name %q at byte %d of\n%s", name, i, src)
			}
			i = end - 1
		case isDigit(c):
			end := i
			for end < len(src) && (isDigit(src[end]) || src[end] == '.') {
				end++
			}
			if end < len(src) && (src[end] == 'e' || src[end] == 'E') {
				end++
				if end < len(src) && (src[end] == '+' || src[end] == '-') {
					end++
				}
				for end < len(src) && isDigit(src[end]) {
					end++
				}
			}
			isIndex := i > 0 && src[i-1] == '[' // of Consts
			if lit := src[i:end]; !strings.Contains(lit, ".") && !isIndex {
				return fmt.Errorf("integer literal %q at byte %d of\n%s", lit, i, src)
			}
			i = end - 1
		}
	}
	if depth != 0 {
		return fmt.Errorf("%d unclosed '(' in\n%s", depth, src)
	}
	return nil
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' }
