package expr

import (
	"maps"
	"slices"
)

// FunctionNames lists the grammar's function names, sorted (ln beside log),
// as messages give them and as tests outside the package that must cover
// every function read them.
func FunctionNames() []string {
	return slices.Sorted(maps.Keys(functions))
}
