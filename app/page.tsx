import { GeneratePage } from "@/components/generate/generate-page";

export default function Home() {
  return <GeneratePage />;
}
