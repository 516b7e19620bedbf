// Package assets holds the files embedded in the program: the field shader template.
package assets

import (
	_ "embed"
	"strings"
)

//go:embed field.kage
var fieldShader string

// MaxConsts is the length of the field shader's Consts array: how many of a
// formula's numbers are uniforms rather than written into its source.
const MaxConsts = 32

// FieldShader returns the Kage source of the field shader for a field function whose
// body is body, with helpers (Kage function declarations) the body may call.
func FieldShader(helpers, body string) []byte {
	s := strings.Replace(fieldShader, "//descent:helpers", helpers, 1)
	s = strings.Replace(s, "//descent:body", body, 1)
	return []byte(s)
}
