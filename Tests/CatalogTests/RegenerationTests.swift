import Foundation
import Testing
@testable import Catalog

/// The committed generated sources are exactly what the generator writes today.
@Suite struct RegenerationTests {
    @Test func committedFilesMatchTheGenerator() throws {
        guard Support.hasPinnedBotocore else {
            print("notice: botocore 1.43.11 is not importable; skipping the regeneration check")
            return
        }
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("catalog-regen-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let script = """
        import runpy, sys
        sys.argv = ['generate-catalog.py', '--output', sys.argv[1]]
        runpy.run_path('Scripts/generate-catalog.py', run_name='__main__')
        """
        let result = try #require(Support.python(script, arguments: [temporary.path]))
        #expect(result.status == 0, "the generator failed")
        let committed = Support.root.appendingPathComponent("Sources/Catalog/Generated")
        let fm = FileManager.default
        let fresh = try fm.contentsOfDirectory(atPath: temporary.path).sorted()
        let existing = try fm.contentsOfDirectory(atPath: committed.path).filter { $0.hasSuffix(".swift") }.sorted()
        #expect(fresh == existing, "the generator writes other files than those committed")
        for name in fresh {
            let a = try String(contentsOf: temporary.appendingPathComponent(name), encoding: .utf8)
            let b = try? String(contentsOf: committed.appendingPathComponent(name), encoding: .utf8)
            #expect(a == b, "Sources/Catalog/Generated/\(name) differs from the generator's output: run `make catalog`")
        }
    }

    @Test func generatedFilesSayHowTheyWereMade() throws {
        let committed = Support.root.appendingPathComponent("Sources/Catalog/Generated")
        for name in try FileManager.default.contentsOfDirectory(atPath: committed.path) where name.hasSuffix(".swift") {
            let text = try String(contentsOf: committed.appendingPathComponent(name), encoding: .utf8)
            #expect(text.hasPrefix("// GENERATED FILE: do not edit by hand."), "\(name)")
            #expect(text.contains("Scripts/generate-catalog.py"), "\(name)")
            #expect(text.contains("botocore 1.43.11"), "\(name)")
        }
    }
}

extension RegenerationTests {
    /// An operation without one of our summaries stops the generator.
    @Test func missingSummaryFails() throws {
        guard Support.hasPinnedBotocore else {
            print("notice: botocore 1.43.11 is not importable; skipping the missing-summary check")
            return
        }
        let script = #"""
import json, os, subprocess, sys, tempfile
summaries = json.load(open('Scripts/catalog-summaries.json'))
del summaries['ssm-incidents']['operations']['CreateTimelineEvent']
with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, 'summaries.json')
    json.dump(summaries, open(path, 'w'))
    run = subprocess.run([sys.executable, 'Scripts/generate-catalog.py', '--summaries', path,
                          '--output', os.path.join(folder, 'out')], capture_output=True, text=True)
    print(run.returncode, run.stderr.strip())
"""#
        let result = try #require(Support.python(script))
        #expect(result.output.hasPrefix("1 error:"))
        #expect(result.output.contains("no summary for ssm-incidents CreateTimelineEvent"))
    }
}
