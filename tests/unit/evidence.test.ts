/** Evidence links named by what they point to, from the address alone (src/lib/views/evidence.ts). */
import { describe, expect, it } from "vitest";
import { evidenceName } from "../../src/lib/views/evidence.ts";

const name = (href: string) => evidenceName(href).text;

describe("evidenceName", () => {
  it("names a repository, and a licence file or model card in it", () => {
    expect(name("https://github.com/meta-llama/llama3")).toBe("GitHub: meta-llama/llama3");
    expect(name("https://github.com/allenai/OLMo/tree/main/scripts")).toBe("GitHub: allenai/OLMo");
    expect(name("https://github.com/ise-uiuc/magicoder/blob/main/README.md")).toBe("GitHub: ise-uiuc/magicoder");
    expect(name("https://github.com/RetroCirce/MusicLDM/blob/main/LICENSE")).toBe("licence file (RetroCirce/MusicLDM)");
    expect(name("https://github.com/facebookresearch/omnilingual-asr/blob/main/LICENSE-CC-BY-4.0.md")).toBe("licence file (facebookresearch/omnilingual-asr)");
    expect(name("https://github.com/nlpxucan/WizardLM/blob/main/WizardLM/MODEL_DIFF_LICENSE")).toBe("licence file (nlpxucan/WizardLM)");
    expect(name("https://github.com/suno-ai/bark?tab=MIT-1-ov-file")).toBe("licence file (suno-ai/bark)");
    expect(name("https://github.com/meta-llama/llama3/blob/main/MODEL_CARD.md")).toBe("model card (meta-llama/llama3)");
    expect(evidenceName("https://github.com/meta-llama/llama3/blob/main/MODEL_CARD.md").kind).toBe("model-card");
    expect(name("https://github.com/org/repo/blob/main/docs/report.pdf")).toBe("PDF (org/repo)");
  });

  it("names a Hugging Face model card, its files, its licence and a dataset card", () => {
    expect(name("https://huggingface.co/meta-llama/Meta-Llama-3-70B-Instruct")).toBe("model card (meta-llama/Meta-Llama-3-70B-Instruct)");
    expect(name("https://huggingface.co/amd/AMD-OLMo-1B-SFT-DPO#license")).toBe("model card (amd/AMD-OLMo-1B-SFT-DPO)");
    expect(name("https://huggingface.co/meta-llama/Meta-Llama-3-70B-Instruct/tree/main")).toBe("files (meta-llama/Meta-Llama-3-70B-Instruct)");
    expect(name("https://huggingface.co/swiss-ai/Apertus-70B-Instruct-2509/blob/main/LICENSE.txt")).toBe("licence file (swiss-ai/Apertus-70B-Instruct-2509)");
    expect(name("https://huggingface.co/org/model/blob/main/README.md")).toBe("model card (org/model)");
    expect(name("https://huggingface.co/datasets/HuggingFaceFW/fineweb-edu")).toBe("dataset card (HuggingFaceFW/fineweb-edu)");
    expect(evidenceName("https://huggingface.co/datasets/HuggingFaceFW/fineweb-edu").kind).toBe("dataset");
  });

  it("names papers: arXiv by identifier, a PDF by host, DOIs and OpenReview by id", () => {
    expect(name("https://arxiv.org/abs/2407.21783")).toBe("arXiv 2407.21783");
    expect(name("http://arxiv.org/abs/1512.04860v1")).toBe("arXiv 1512.04860");
    expect(name("https://arxiv.org/pdf/2306.05685.pdf")).toBe("arXiv 2306.05685");
    expect(name("https://arxiv.org/pdf/2401.14196]")).toBe("arXiv 2401.14196");
    expect(name("https://cdn.openai.com/papers/whisper.pdf")).toBe("PDF (cdn.openai.com)");
    expect(name("https://doi.org/10.1145/3630106.3659005")).toBe("DOI 10.1145/3630106.3659005");
    expect(name("https://openreview.net/forum?id=3c6FeVrfK9")).toBe("OpenReview 3c6FeVrfK9");
  });

  it("names the index's own record by its file", () => {
    const r = evidenceName("https://github.com/Language-Technology-Assessment/main-database/blob/5a388e871b88735e7ab7e6fb230b76c9d460d99a/llama-3-instruct.yaml");
    expect(r).toEqual({ text: "index record (llama-3-instruct.yaml)", kind: "record" });
  });

  it("names anything else by its host and a short path", () => {
    expect(name("https://ai.meta.com/resources/models-and-libraries/llama-downloads/")).toBe("ai.meta.com/resources/…/llama-downloads");
    expect(name("https://www.anthropic.com/news/claude-opus-4-5")).toBe("anthropic.com/news/claude-opus-4-5");
    expect(name("https://pile.eleuther.ai/")).toBe("pile.eleuther.ai");
    expect(name("https://openai.com/index/gpt-4o-mini-advancing-cost-efficient-intelligence/")).toBe("openai.com/index/gpt-4o-mini-advancing-c…");
    expect(name("not a url")).toBe("not a url");
  });
});
