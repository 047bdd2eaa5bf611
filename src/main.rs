// The build allocates many small strings from many threads; mimalloc measured faster than the
// system allocator here (docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    civic::cli::main()
}
