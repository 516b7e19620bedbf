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

// The marker lines of field.kage: where the formula goes, and the sections of
// its two Fragment functions.
const (
	helpersMarker  = "//descent:helpers"
	bodyMarker     = "//descent:body"
	readbackMarker = "//descent:readback"
	colourMarker   = "//descent:colour"
	endMarker      = "//descent:end"
)

// FieldShader returns the Kage source of the field shader for a field function whose
// body is body, with helpers (Kage function declarations) the body may call. With
// readback, the shader writes each point's value exactly (see DecodeRaw, and
// RawPixels for its layout) instead of colouring the field.
func FieldShader(helpers, body string, readback bool) []byte {
	common, sections, _ := strings.Cut(fieldShader, readbackMarker)
	raw, colour, _ := strings.Cut(sections, colourMarker)
	colour, _, _ = strings.Cut(colour, endMarker)
	s := strings.Replace(common, helpersMarker, helpers, 1)
	s = strings.Replace(s, bodyMarker, body, 1)
	if readback {
		return []byte(s + raw)
	}
	return []byte(s + colour)
}
