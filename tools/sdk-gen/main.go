// Command sdk-gen writes numberplane's Python and Go SDKs from the plugin's package schema
// (schema/pulumi-package.json), with the code generators of github.com/pulumi/pulumi/pkg/v3
// that `pulumi package gen-sdk` reaches through each language's host. The hosts of Python,
// Go and .NET are not served by the module proxy here; their generators for Python and Go
// are part of pkg/v3, so this runs them directly. (.NET's lives in pulumi-dotnet, not served.)
//
// Usage: sdk-gen SCHEMA OUTDIR — writes OUTDIR/python and OUTDIR/go/numberplane, replacing
// what was there (OUTDIR/go/go.mod, written by hand, stays).
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/blang/semver"
	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

const tool = "numberplane sdk-gen"

func main() {
	if len(os.Args) != 3 {
		fail(fmt.Errorf("usage: sdk-gen SCHEMA OUTDIR"))
	}
	text, err := os.ReadFile(os.Args[1])
	if err != nil {
		fail(err)
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(text, &spec); err != nil {
		fail(fmt.Errorf("%s: %w", os.Args[1], err))
	}
	// BindSpec checks the schema against Pulumi's metaschema and binds every reference.
	pkg, diags, err := schema.BindSpec(spec, noPackages{}, schema.ValidationOptions{})
	if err != nil {
		fail(err)
	}
	if diags.HasErrors() {
		fail(diags)
	}
	pythonFiles, err := python.GeneratePackage(tool, pkg, nil, noPackages{})
	if err != nil {
		fail(fmt.Errorf("python: %w", err))
	}
	goFiles, err := gogen.GeneratePackage(tool, pkg, nil)
	if err != nil {
		fail(fmt.Errorf("go: %w", err))
	}
	write(filepath.Join(os.Args[2], "python"), "", pythonFiles)
	write(filepath.Join(os.Args[2], "go"), "numberplane", goFiles)
}

// noPackages loads no other package: numberplane's schema refers to none.
type noPackages struct{}

func (noPackages) LoadPackage(name string, _ *semver.Version) (*schema.Package, error) {
	return nil, fmt.Errorf("the schema refers to package %s; numberplane's refers to none", name)
}

func (l noPackages) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return l.LoadPackage(d.Name, d.Version)
}

func (noPackages) LoadPackageReference(name string, _ *semver.Version) (schema.PackageReference, error) {
	return nil, fmt.Errorf("the schema refers to package %s; numberplane's refers to none", name)
}

func (l noPackages) LoadPackageReferenceV2(
	_ context.Context, d *schema.PackageDescriptor,
) (schema.PackageReference, error) {
	return l.LoadPackageReference(d.Name, d.Version)
}

// write replaces dir/generated (all of dir when generated is "") with files.
func write(dir, generated string, files map[string][]byte) {
	if err := os.RemoveAll(filepath.Join(dir, generated)); err != nil {
		fail(err)
	}
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			fail(err)
		}
		if err := os.WriteFile(path, content, 0o644); err != nil {
			fail(err)
		}
	}
}

func fail(err error) {
	fmt.Fprintf(os.Stderr, "sdk-gen: %v\n", err)
	os.Exit(1)
}
